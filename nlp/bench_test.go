package nlp

import (
	"strings"
	"testing"
)

// benchText is a fixed slice of the BBC corpus (the first 200 articles).
func benchText(b *testing.B) []string {
	texts := bbcTexts(b)
	if len(texts) > 200 {
		texts = texts[:200]
	}
	return texts
}

func BenchmarkTokenize(b *testing.B) {
	texts := benchText(b)
	n, bytes := 0, 0
	for _, t := range texts {
		n += len(Tokenize(t))
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Tokenize(t)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkPipeline runs tokenize + sentence split + POS + NER on BBC text.
func BenchmarkPipeline(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchText(b)
	n := 0
	for _, t := range texts {
		n += len(p.Process(t).Tokens)
	}
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			p.Process(t)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	_ = strings.TrimSpace
}
