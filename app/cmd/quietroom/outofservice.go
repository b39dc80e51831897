package main

import (
	"log/slog"

	"fyne.io/fyne/v2"

	"quietroom/app/clock"
	"quietroom/app/ui"
	"quietroom/hw"
	"quietroom/hw/gpio"
	"quietroom/hw/sim"
)

// showOutOfService shows the screen of a kiosk that could not start and sets the light outside
// the door to its fault look, so nobody walks in expecting the room to work. It returns what
// closes the light when the program ends.
func showOutOfService(w fyne.Window, cfg runConfig, log *slog.Logger, problem error) func() {
	log.Error("kiosk out of service", "err", problem)
	light, wiring, lightErr := faultLight(cfg, log)
	closeLight := func() {}
	if lightErr == nil {
		closeLight = func() { light.Close() }
		if err := light.Show(hw.Fault); err != nil {
			lightErr = err
		}
	}
	if lightErr != nil {
		log.Warn("light not set to fault", "component", "hw", "err", lightErr)
	}
	look := hw.LookOf(wiring, hw.Fault).String()
	if cfg.dev {
		look += " (simulated)"
	}
	ui.OutOfService(w, problem, look, lightErr)
	return closeLight
}

// faultLight opens the light as the device config wires it (the simulator in development). A
// device config that cannot be read leaves the light alone: driving a guessed line could be
// driving something else.
func faultLight(cfg runConfig, log *slog.Logger) (hw.Indicator, hw.Wiring, error) {
	if cfg.dev {
		return sim.NewIndicator(log, hw.TwoColour, clock.System()), hw.TwoColour, nil
	}
	_, opts, err := loadDevice(cfg.deviceConfig())
	if err != nil {
		return nil, hw.Single, err
	}
	light, err := gpio.OpenIndicator(opts)
	if err != nil {
		return nil, opts.Wiring, err
	}
	return light, opts.Wiring, nil
}
