package p

var x ﻿= 1
var s = "﻿"
// BOM in a comment ﻿
