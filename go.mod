module weekfit

go 1.26.8
