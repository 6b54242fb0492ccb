// Package x is a test.
package x

import (
	"fmt"
	u "example.com/m/util"
	"example.com/m/models/v2"
	_ "example.com/m/side"
)

const (
	A = iota
	B
	// c
	C = u.Max
)

var x, y = models.New(), fmt.Sprint("a.b")

type (
	T struct{ f u.Thing }
	S = models.S
)

func (t *T) Method() { u.Do(); t.f.x.u.Bad() }

func Public[T any](a T) int { return models.Count + u.Do() }

func init() {}

var r = `raw
func Fake() {}
`
const (
	X = 'a'
	Y = "str.ing"
)
func (s *T) m() { s.x.y = u.Max.Min; _ = models.Count.; x := 1.5; _ = x... }
/* block
func Hidden() */
type Gen[T any] struct{ v T }
