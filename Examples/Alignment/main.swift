print("Alignment: under construction")
