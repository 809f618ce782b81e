package main

import (
	"errors"

	"weekfit/planner"
)

func renderPDF(sc *planner.Scenario, p planner.Plan, opt exportOptions) ([]byte, error) {
	return nil, errors.New("pdf: not yet")
}
