package x

import _ "example.com/cycle/y"
