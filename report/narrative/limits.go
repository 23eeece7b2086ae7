package narrative

import "time"

// Limits bound a template's execution; a zero field takes its default.
type Limits struct {
	Timeout time.Duration // per build; default 20 s
	Output  int64         // bytes of text a template may write; default 50 MB
}

// Default limits, used for a zero field of Limits.
const (
	DefaultTimeout = 20 * time.Second
	DefaultOutput  = 50 << 20
)

// withDefaults returns lim with its zero fields set to their defaults.
func (lim Limits) withDefaults() Limits {
	if lim.Timeout <= 0 {
		lim.Timeout = DefaultTimeout
	}
	if lim.Output <= 0 {
		lim.Output = DefaultOutput
	}
	return lim
}
