module footprint/peer-go

go 1.24
