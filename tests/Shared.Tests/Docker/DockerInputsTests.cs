using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Tests.Actions;

namespace Tailpaste.Shared.Tests.Docker;

public sealed class DockerInputsTests
{
    [Fact]
    public void A_container_name_is_taken_without_its_leading_slash()
    {
        Assert.Equal("tailpaste", GetterManifest.Inputs(("container-name", "/tailpaste")).GetContainerNameInput("container-name"));
        Assert.Equal(new string('a', 200), GetterManifest.Inputs(("container-name", new string('a', 200))).GetContainerNameInput("container-name", maxLength: 200));
    }

    [Fact]
    public void A_bad_or_too_long_container_name_is_bad_input_naming_input_value_and_what_was_expected()
    {
        var bad = Assert.Throws<InputException>(() => GetterManifest.Inputs(("container-name", "../etc")).GetContainerNameInput("container-name"));
        var tooLong = Assert.Throws<InputException>(() => GetterManifest.Inputs(("container-name", new string('a', 201))).GetContainerNameInput("container-name", maxLength: 200));

        Assert.Equal(("container-name", "../etc", DockerNames.ContainerExpected), (bad.Input, bad.Value, bad.Expected));
        Assert.Equal(("container-name", new string('a', 201), DockerNames.ContainerExpected + ", at most 200 characters"), (tooLong.Input, tooLong.Value, tooLong.Expected));
    }

    [Theory]
    [InlineData("tailpaste/paste-service:1.4.0")]
    [InlineData("ghcr.io/owner/tailpaste-deploy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("localhost:5000/nginx")]
    public void An_image_reference_is_taken_as_given(string image)
    {
        Assert.Equal(image, GetterManifest.Inputs(("image", image)).GetImageInput("image"));
        Assert.Equal(image, GetterManifest.Inputs(("helper-image", image)).GetOptionalImageInput("helper-image"));
    }

    [Theory]
    [InlineData("tailpaste actions")]
    [InlineData("--privileged")]
    [InlineData("nginx;rm")]
    [InlineData("nginx\u0000")]
    public void A_value_that_is_no_image_reference_is_bad_input_naming_input_value_and_what_was_expected(string image)
    {
        var required = Assert.Throws<InputException>(() => GetterManifest.Inputs(("image", image)).GetImageInput("image"));
        var optional = Assert.Throws<InputException>(() => GetterManifest.Inputs(("helper-image", image)).GetOptionalImageInput("helper-image"));

        Assert.Equal(("image", image.Trim(), InputFormats.ImageReference.Expected), (required.Input, required.Value, required.Expected));
        Assert.Equal(("helper-image", image.Trim(), InputFormats.ImageReference.Expected), (optional.Input, optional.Value, optional.Expected));
        Assert.StartsWith("an image reference such as", InputFormats.ImageReference.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_reference_than_256_characters_is_bad_input()
    {
        Assert.Equal(256, GetterManifest.Inputs(("image", new string('a', 256))).GetImageInput("image").Length);
        Assert.Throws<InputException>(() => GetterManifest.Inputs(("image", new string('a', 257))).GetImageInput("image"));
    }

    [Fact]
    public void A_required_image_that_is_empty_is_bad_input_and_an_optional_one_is_none()
    {
        var error = Assert.Throws<InputException>(() => GetterManifest.Inputs().GetImageInput("image"));

        Assert.Equal("image", error.Input);
        Assert.Null(GetterManifest.Inputs().GetOptionalImageInput("helper-image"));
    }

    [Fact]
    public void A_volume_name_is_taken_and_anything_else_is_bad_input_naming_it()
    {
        Assert.Equal("tp-records", GetterManifest.Inputs(("deploy-volume", "tp-records")).GetVolumeInput("deploy-volume"));
        Assert.Null(GetterManifest.Inputs().GetOptionalVolumeInput("history-volume"));

        var required = Assert.Throws<InputException>(() => GetterManifest.Inputs(("deploy-volume", "../etc")).GetVolumeInput("deploy-volume"));
        var optional = Assert.Throws<InputException>(() => GetterManifest.Inputs(("history-volume", "a/b")).GetOptionalVolumeInput("history-volume"));

        Assert.Equal(("deploy-volume", "../etc", DockerNames.VolumeExpected), (required.Input, required.Value, required.Expected));
        Assert.Equal(("history-volume", "a/b", DockerNames.VolumeExpected), (optional.Input, optional.Value, optional.Expected));
    }

    [Theory]
    [InlineData("1.4.0", true)]
    [InlineData("2.0.0-rc.1+build.5", true)]
    [InlineData("-1.4.0", false)]
    [InlineData("1.4.0 beta", false)]
    [InlineData("v1/2", false)]
    [InlineData("", false)]
    public void A_label_value_is_a_short_word_of_letters_digits_and_dot_underscore_plus_dash(string value, bool valid)
    {
        Assert.Equal(valid, InputFormats.LabelValue.IsValid(value));
    }

    [Fact]
    public void A_label_value_has_at_most_128_characters()
    {
        Assert.True(InputFormats.LabelValue.IsValid(new string('1', 128)));
        Assert.False(InputFormats.LabelValue.IsValid(new string('1', 129)));
    }
}
