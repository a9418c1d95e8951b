// The shared fixtures, dumps and harnesses (Tests/GridTestSupport), visible to every file of this target.
@_exported import GridTestSupport
