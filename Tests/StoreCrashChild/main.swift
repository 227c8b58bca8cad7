print("StoreCrashChild: under construction")
