// Node start-up alone, the baseline of every whole-process figure.
