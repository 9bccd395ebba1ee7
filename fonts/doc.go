// Package fonts holds the fonts figgen draws every text with, embedded in
// the binary so that output never depends on what a machine has installed.
//
// NanumGothic (regular and bold, © NAVER Corporation) is licensed under the
// SIL Open Font License 1.1; its licence is OFL-NanumGothic.txt beside this
// file. The STIX Two fonts (Latin, italics and math symbols) come from the
// codeberg.org/go-fonts/stix module under the same licence (OFL-STIXTwo.txt).
//
// The package only exposes bytes: parsing belongs to the typesetter.
// It imports nothing of figgen's.
package fonts
