package main
import (
	"fmt"
	x "github.com/a/b"
)
`raw`
