package figgen_test

import (
	"context"
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/figgen/figgen"
	"github.com/figgen/figgen/spec"
)

func ExampleGenerate() {
	fsys := fstest.MapFS{
		"specs/sigmoid.yaml": {Data: []byte("kind: sigmoid\ntitle: The logistic function\n")},
	}
	res, err := figgen.Generate(context.Background(), figgen.Options{FS: fsys})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range res.Order {
		fmt.Println(name)
	}
	// Output:
	// sigmoid.png
	// sigmoid.svg
	// index.html
}

func ExampleGenerate_errors() {
	fsys := fstest.MapFS{
		"specs/a.yaml": {Data: []byte("kind: sigmoid\ntitel: σ\n")},
		"specs/b.yaml": {Data: []byte("kind: step\nx_label: '$\\thetta$'\nwidth: 10\n")},
	}
	_, err := figgen.Generate(context.Background(), figgen.Options{FS: fsys})
	var list spec.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	// Output:
	// specs/a.yaml:2:1: unknown field "titel" (did you mean "title"?)
	// specs/b.yaml:2:12: unknown command `\thetta` (did you mean `\theta`?)
	// specs/b.yaml:3:8: width: want 320 to 10000, got 10
}
