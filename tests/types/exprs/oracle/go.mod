module exproracle

go 1.26
