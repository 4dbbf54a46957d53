package nlp

import (
	"math"
	"sort"
)

// Word clusters from unlabelled text with the exchange algorithm (Kneser &
// Ney 1993; Martin, Liermann & Ney 1998): words are moved one at a time to
// the class that most increases the likelihood of a class-bigram model.
// Two flat clusterings of different sizes stand in for the prefixes of a
// Brown hierarchy. Deterministic: words in frequency order, ties broken by
// the lower class.

// ClusterSizes are the numbers of classes of the two clusterings.
var ClusterSizes = [2]int{64, 384}

const (
	clusterMinCount = 3
	clusterIters    = 4
)

func init() {
	brownClusters = exchangeClusters
}

func flogf(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}

func exchangeClusters(sents [][]string, _ int, res *resources, logf func(string, ...any)) {
	// vocabulary of lower-case forms
	var lx lexer
	var l lex
	ids := map[uint64]int32{}
	var keys []uint64
	var count []int
	var seq [][]int32
	for _, s := range sents {
		row := make([]int32, 0, len(s)+2)
		row = append(row, -1)
		for _, w := range s {
			lx.compute(w, &l)
			id, ok := ids[l.lower]
			if !ok {
				id = int32(len(keys))
				ids[l.lower] = id
				keys = append(keys, l.lower)
				count = append(count, 0)
			}
			count[id]++
			row = append(row, id)
		}
		row = append(row, -1)
		seq = append(seq, row)
	}
	// frequent words get ids 1..V in frequency order; 0 = boundary or rare
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		if count[order[a]] != count[order[b]] {
			return count[order[a]] > count[order[b]]
		}
		return keys[order[a]] < keys[order[b]]
	})
	remap := make([]int32, len(keys))
	V := 0
	for _, o := range order {
		if count[o] < clusterMinCount {
			break
		}
		V++
		remap[o] = int32(V)
	}
	W := V + 1
	// bigram adjacency: right[w] and left[w] as sorted (neighbour, count) lists
	type nb struct{ w, n int32 }
	big := map[uint64]int32{}
	for _, row := range seq {
		prev := int32(0)
		for _, id := range row[1:] {
			cur := int32(0)
			if id >= 0 {
				cur = remap[id]
			}
			big[uint64(prev)<<32|uint64(cur)]++
			prev = cur
		}
	}
	pairs := make([]uint64, 0, len(big))
	for k := range big {
		pairs = append(pairs, k)
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a] < pairs[b] })
	right := make([][]nb, W)
	left := make([][]nb, W)
	for _, k := range pairs {
		a, b := int32(k>>32), int32(uint32(k))
		n := big[k]
		right[a] = append(right[a], nb{b, n})
		left[b] = append(left[b], nb{a, n})
	}
	logf("clusters: %d words (count >= %d), %d bigram types", V, clusterMinCount, len(pairs))

	results := make([][]int32, len(ClusterSizes))
	for ci, K1 := range ClusterSizes {
		K := K1 + 1 // class 0 holds word 0 (boundary and rare words) alone
		cls := make([]int32, W)
		for w := 1; w < W; w++ {
			cls[w] = int32(1 + (w-1)%K1)
		}
		M := make([]float64, K*K)
		NL := make([]float64, K)
		NR := make([]float64, K)
		for a := 0; a < W; a++ {
			for _, e := range right[a] {
				M[int(cls[a])*K+int(cls[e.w])] += float64(e.n)
				NL[cls[a]] += float64(e.n)
				NR[cls[e.w]] += float64(e.n)
			}
		}
		R := make([]float64, K)
		L := make([]float64, K)
		var nzR, nzL []int32
		for it := 0; it < clusterIters; it++ {
			moved := 0
			for w := 1; w < W; w++ {
				a := int(cls[w])
				nzR, nzL = nzR[:0], nzL[:0]
				self, nl, nr := 0.0, 0.0, 0.0
				for _, e := range right[w] {
					nl += float64(e.n)
					if int(e.w) == w {
						self += float64(e.n)
						continue
					}
					d := cls[e.w]
					if R[d] == 0 {
						nzR = append(nzR, d)
					}
					R[d] += float64(e.n)
				}
				for _, e := range left[w] {
					nr += float64(e.n)
					if int(e.w) == w {
						continue
					}
					c := cls[e.w]
					if L[c] == 0 {
						nzL = append(nzL, c)
					}
					L[c] += float64(e.n)
				}
				// remove w from a
				for _, d := range nzR {
					M[a*K+int(d)] -= R[d]
				}
				for _, c := range nzL {
					M[int(c)*K+a] -= L[c]
				}
				M[a*K+a] -= self
				NL[a] -= nl
				NR[a] -= nr
				best, bestGain := a, math.Inf(-1)
				for b := 1; b < K; b++ {
					g := 0.0
					for _, d := range nzR {
						if int(d) == b {
							continue
						}
						m := M[b*K+int(d)]
						g += flogf(m+R[d]) - flogf(m)
					}
					for _, c := range nzL {
						if int(c) == b {
							continue
						}
						m := M[int(c)*K+b]
						g += flogf(m+L[c]) - flogf(m)
					}
					mbb := M[b*K+b]
					g += flogf(mbb+R[b]+L[b]+self) - flogf(mbb)
					g -= flogf(NL[b]+nl) - flogf(NL[b])
					g -= flogf(NR[b]+nr) - flogf(NR[b])
					if g > bestGain+1e-9 {
						best, bestGain = b, g
					}
				}
				// add w to best
				for _, d := range nzR {
					M[best*K+int(d)] += R[d]
				}
				for _, c := range nzL {
					M[int(c)*K+best] += L[c]
				}
				M[best*K+best] += self
				NL[best] += nl
				NR[best] += nr
				if best != a {
					cls[w] = int32(best)
					moved++
				}
				for _, d := range nzR {
					R[d] = 0
				}
				for _, c := range nzL {
					L[c] = 0
				}
			}
			logf("clusters K=%d: iteration %d moved %d words", K1, it+1, moved)
		}
		results[ci] = cls
	}
	for o, id := range remap {
		if id == 0 {
			continue
		}
		wi := res.words[keys[o]]
		wi.cluster = uint32(results[0][id])<<16 | uint32(results[1][id])
		wi.clen = 1
		res.words[keys[o]] = wi
	}
}
