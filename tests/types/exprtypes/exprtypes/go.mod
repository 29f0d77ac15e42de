module exprtypes

go 1.21
