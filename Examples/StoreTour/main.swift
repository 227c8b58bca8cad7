print("StoreTour: under construction")
