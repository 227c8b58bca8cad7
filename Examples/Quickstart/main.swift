print("Quickstart: under construction")
