package p

var xÿ = 1
var s = "aÿb"
var r = 'þ'
// comment ÿ is fine
/* block À */
var â‚ = 2
