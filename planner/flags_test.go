package planner

import "flag"

// update rewrites golden and generated test files (go test ./planner -update).
var update = flag.Bool("update", false, "rewrite golden and generated test files under testdata/")
