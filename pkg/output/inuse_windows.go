package output

func heldOpen(err error) bool { return windowsHeldOpen(err) }
