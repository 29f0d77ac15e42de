package p

package q
