// The tests run sh, tar, sha256sum and shellcheck: they are Linux tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
