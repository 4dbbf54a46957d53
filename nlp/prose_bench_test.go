package nlp

import (
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// BenchmarkProse runs github.com/jdkato/prose/v2 (tokenize, segment, tag,
// NER) on the same BBC text as BenchmarkPipeline, for the speed comparison.
// The articles go in as one document, because prose loads its models in
// every NewDocument call. Its tokens/s counts our tokenizer's tokens, so
// the two figures divide.
func BenchmarkProse(b *testing.B) {
	texts := benchText(b)
	n := 0
	for _, t := range texts {
		n += len(Tokenize(t))
	}
	all := strings.Join(texts, "\n\n")
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		doc, err := prose.NewDocument(all)
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Tokens()) == 0 {
			b.Fatal("prose found no tokens")
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-c0).Seconds(), "tokens/cpu-s")
}
