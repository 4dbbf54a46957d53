package nlp

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time: on a shared machine it
// measures the work done, where wall time also counts waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchText is a fixed slice of the BBC corpus: every 25th article, 89 in
// all from the five sections (prose takes seconds per article).
func benchText(b *testing.B) []string {
	var texts []string
	for i, t := range bbcTexts(b) {
		if i%25 == 0 {
			texts = append(texts, t)
		}
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
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			p.Process(t)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-c0).Seconds(), "tokens/cpu-s")
}
