package y

import _ "example.com/cycle/x"
