package eval

import (
	"os/exec"
	"strings"
	"testing"
)

// Cases where score.py's normalisation is easy to get wrong.
var normCases = []string{
	"President Donald Trump’s", "Mr. Putin", "the Russian president", "The Times", "Prime Minister Tony Blair",
	"St James's Palace", "“very productive”", "Prince Harry", "Queen", "U.S.", "the  UK", "Mrs Hassan, 59",
	"Sir Alex Ferguson", "President", "the", "Lord Falconer", "Metlife's", "ＵＳ", "General Motors",
	"Blair's", "Blair’s", "Jones's son", "'s", "the's", "thee", "the  Queen", "it's a name", "O'Brien", "Mr  Ed",
	"Prime Minister", "Président Chirac", "Ａｂｅ", "St. James's Palace,", "the\tKremlin", "  the Times  ",
	"President Mr Dr Smith", "Sir Alex", "Queen Elizabeth II", "Mc'sweeney",
}

func TestNormMatchesScorePy(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	script := `import sys, importlib.util
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
for line in sys.stdin.read().split("\n"):
    print(m.norm(line))`
	scorer := sharedPath(t, "eval/score.py")
	cmd := exec.Command(py, "-c", script, scorer)
	cmd.Stdin = strings.NewReader(strings.Join(normCases, "\n"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	want := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	for i, c := range normCases {
		if got := Norm(c); got != want[i] {
			t.Errorf("Norm(%q) = %q, score.py gives %q", c, got, want[i])
		}
	}
}
