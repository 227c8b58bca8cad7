print("Evaluation: under construction")
