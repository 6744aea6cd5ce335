// Each deploy test starts containers, a proxy and a client hammering it, and judges latency and lost requests.
// Run side by side on two cores they starve each other until a good version looks bad, so they run one class
// at a time (the other test projects still run beside this one).
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
