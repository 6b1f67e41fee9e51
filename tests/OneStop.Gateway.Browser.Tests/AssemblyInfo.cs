// One browser and one set of services, used one test at a time; xunit's per-test Timeout is also only reliable
// without parallelization.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
