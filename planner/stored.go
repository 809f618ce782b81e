package planner

// Stored returns the scenario as it is once saved and read back: what
// ParseScenario gives for MarshalScenario's output, without the trip
// through JSON. A value kept in another form comes back as it is read
// ("Virtual" as virtual, every week of the rotation as none named). Its
// error is Check's.
func Stored(s *Scenario) (*Scenario, error) {
	f := fileOf(s)
	return f.toScenario()
}
