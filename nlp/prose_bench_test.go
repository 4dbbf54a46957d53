package nlp

import (
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// BenchmarkProse runs github.com/jdkato/prose/v2 (tokenize, segment, tag,
// NER) on the same BBC text as BenchmarkPipeline, for the speed comparison.
// Its tokens/s counts our tokenizer's tokens, so the two figures divide.
func BenchmarkProse(b *testing.B) {
	texts := benchText(b)
	n := 0
	for _, t := range texts {
		n += len(Tokenize(t))
	}
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := prose.NewDocument(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-c0).Seconds(), "tokens/cpu-s")
}
