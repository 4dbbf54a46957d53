package ingest

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress reports how far a run is: on a terminal a bar redrawn in place
// (articles done, articles/s, ETA), elsewhere (a log file, CI) a plain line
// every Every. Lines printed through it while the bar shows (warnings,
// failed files) clear the bar first, so the two never mix.
type Progress struct {
	w        io.Writer
	terminal bool
	// Every is how often a plain line is printed when w is not a terminal
	// (default 10 s); a terminal's bar is redrawn five times a second.
	Every time.Duration
	now   func() time.Time // for tests

	mu          sync.Mutex
	total, done int
	quads       int
	begun       time.Time
	barShown    bool
	stop        chan struct{}
	stopped     chan struct{}
	lastLine    time.Time
	width       int
}

// NewProgress reports to w; terminal says whether w is a terminal (the
// command asks isatty).
func NewProgress(w io.Writer, terminal bool) *Progress {
	return &Progress{w: w, terminal: terminal, Every: 10 * time.Second, now: time.Now, width: 30}
}

func (p *Progress) start(total int) {
	p.mu.Lock()
	p.total, p.begun, p.lastLine = total, p.now(), p.now()
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	p.mu.Unlock()
	tick := p.Every
	if p.terminal {
		tick = 200 * time.Millisecond
	}
	go func() {
		defer close(p.stopped)
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			}
		}
	}()
}

// advance records n more articles done (written, skipped or failed) and
// the quads their batch added.
func (p *Progress) advance(n, quads int) {
	p.mu.Lock()
	p.done += n
	p.quads += quads
	p.mu.Unlock()
}

// Printf prints one line, clearing the bar first.
func (p *Progress) Printf(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, format+"\n", a...)
}

func (p *Progress) finish() {
	if p.stop == nil {
		return
	}
	close(p.stop)
	<-p.stopped
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.terminal {
		p.draw()
		p.clear()
	}
}

func (p *Progress) clear() {
	if p.barShown {
		fmt.Fprint(p.w, "\r\033[K")
		p.barShown = false
	}
}

// Line is the progress as one line of text, without the bar.
func (p *Progress) Line() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.line()
}

func (p *Progress) line() string {
	el := p.now().Sub(p.begun)
	rate := 0.0
	if el > 0 {
		rate = float64(p.done) / el.Seconds()
	}
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(p.total-p.done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	pct := 100
	if p.total > 0 {
		pct = 100 * p.done / p.total
	}
	return fmt.Sprintf("%d/%d articles (%d%%), %.0f articles/s, %d quads, ETA %s", p.done, p.total, pct, rate, p.quads, eta)
}

// draw shows the bar (terminal) or prints a line when one is due.
func (p *Progress) draw() {
	if !p.terminal {
		if p.now().Sub(p.lastLine) >= p.Every {
			p.lastLine = p.now()
			fmt.Fprintf(p.w, "kg: ingest: %s\n", p.line())
		}
		return
	}
	filled := p.width
	if p.total > 0 {
		filled = p.width * p.done / p.total
	}
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", p.width-filled)
	fmt.Fprintf(p.w, "\r\033[K[%s] %s", bar, p.line())
	p.barShown = true
}
