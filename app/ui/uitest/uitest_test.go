package uitest

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestObjectsSkipsHidden(t *testing.T) {
	test.NewTempApp(t)
	shown, hidden, inside := widget.NewLabel("shown"), widget.NewButton("hidden", nil), widget.NewLabel("inside")
	box := container.NewVBox(inside)
	box.Hide()
	hidden.Hide()
	found := map[any]bool{}
	for _, o := range Objects(container.NewVBox(shown, hidden, box)) {
		found[o] = true
	}
	if !found[shown] {
		t.Error("Objects misses a visible label")
	}
	if found[hidden] || found[inside] {
		t.Error("Objects returns what is hidden")
	}
}
