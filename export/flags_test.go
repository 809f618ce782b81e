package export

import "flag"

// update rewrites the golden files (go test ./export -update).
var update = flag.Bool("update", false, "rewrite the golden files")
