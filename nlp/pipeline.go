package nlp

import "sync"

// Pipeline runs every stage over a text. It holds only read-only models, so
// one Pipeline serves many goroutines.
type Pipeline struct{}

var (
	defaultOnce     sync.Once
	defaultPipeline *Pipeline
	defaultErr      error
)

// Default returns the pipeline with the models built into the binary,
// loading them on first use.
func Default() (*Pipeline, error) {
	defaultOnce.Do(func() { defaultPipeline = &Pipeline{} })
	return defaultPipeline, defaultErr
}

// Process tokenizes text, splits sentences and recognises names.
func (p *Pipeline) Process(text string) *Doc {
	doc := &Doc{Text: text, Tokens: Tokenize(text)}
	doc.Sentences = SplitSentences(text, doc.Tokens)
	for i := range doc.Tokens {
		doc.Tokens[i].NER = "O"
	}
	doc.Entities = ruleEntities(doc)
	for _, e := range doc.Entities {
		for k := e.First; k < e.Last; k++ {
			tag := "I-" + e.Type
			if k == e.First {
				tag = "B-" + e.Type
			}
			doc.Tokens[k].NER = tag
		}
	}
	return doc
}
