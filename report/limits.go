package report

// The longest texts the data files and the catalogue may hold, in
// characters (Unicode code points, not bytes). A longer value is an error
// at its line: such a text cannot be laid out on a page anyway, and the
// limits bound the work of every later step. docs/data-model.md ("Limits")
// lists them for the people who keep the data; this is the only place they
// are set.
const (
	// MaxCode bounds codes and ids (district codes, vocabulary codes,
	// project ids, indicator ids, field names): one line.
	MaxCode = 64
	// MaxName bounds names and labels (a district, an organisation, a
	// project, a vocabulary label, an indicator's unit or part label): one
	// line.
	MaxName = 200
	// MaxTitle bounds titles (the edition's title and subtitle, the
	// organisation, an indicator's title): one line.
	MaxTitle = 300
	// MaxText bounds free text (a figure's note, an indicator's
	// definition), which may span lines.
	MaxText = 4000
	// MaxIdentity bounds the edition's own Markdown text on who the
	// institution is (identity.md, identity_en.md): a few pages.
	MaxIdentity = 20000
)
