package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNERText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	text := "Prime Minister Tony Blair flew to Paris on Monday."
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := run(t, "ner", path)
	if err != nil {
		t.Fatalf("ner: %v\n%s", err, errs)
	}
	for _, want := range []string{"PER\tTony Blair\t15\t25\n", "LOC\tParis\t34\t39\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestNERCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP I-NP I-LOC\n"
	path := filepath.Join(t.TempDir(), "a.conll")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := run(t, "ner", "--conll", path)
	if err != nil {
		t.Fatalf("ner --conll: %v\n%s", err, errs)
	}
	want := "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER B-PER\nBlackburn NNP I-NP I-PER I-PER\n\nBRUSSELS NNP I-NP I-LOC B-LOC\n"
	if out != want {
		t.Errorf("ner --conll:\n%s\nwant:\n%s", out, want)
	}
}
