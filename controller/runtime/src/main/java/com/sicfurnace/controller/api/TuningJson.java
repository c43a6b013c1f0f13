package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profile.PidTuning;
import com.sicfurnace.controller.snapshot.LoopTunings;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.tuning.AutoTuneStatus;
import com.sicfurnace.controller.tuning.Proposal;
import com.sicfurnace.controller.tuning.RelayResult;
import com.sicfurnace.controller.tuning.RelaySettings;

/**
 * The loops' tuning as the API shows it ({@code tuning} in a snapshot, and {@code /loops}): per loop the gains in
 * force and the profile's (both at the gain schedule's reference temperature), the range a change may take (a factor
 * of {@link LoopTunings#GAIN_FACTOR} either way of the profile's), the schedule's factors at the seed setpoint and the
 * gains they make effective; the schedule; and the relay auto-tune's state with its result. A snapshot's tuning leaves
 * the factors and effective gains out: they follow the seed setpoint, which would send the whole tuning again with
 * every scan of a ramp; a reader takes them from the schedule and {@code seed_sp_c}.
 */
final class TuningJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TuningJson() {
    }

    /** @param withScales whether to give the schedule's factors and the effective gains ({@code /loops} does) */
    static ObjectNode of(ScanSnapshot s, boolean withScales) {
        LoopTunings t = s.tunings();
        double seedSpC = s.loops().seedSetpointC();
        ObjectNode o = JSON.objectNode();
        ObjectNode loops = o.putObject("loops");
        for (LoopId loop : LoopId.values()) {
            ObjectNode one = loop(t, loop);
            if (withScales) {
                scales(one, t, loop, seedSpC);
            }
            loops.set(loop.label(), one);
        }
        FurnaceProfile.Schedule schedule = t.seedSchedule();
        o.putObject("schedule").put("loop", LoopId.SEED.label()).put("reference_c", schedule.referenceC())
                .put("gain_exponent", schedule.gainExponent()).put("time_exponent", schedule.timeExponent());
        o.set("auto_tune", autoTune(t.autoTune()));
        return o;
    }

    private static ObjectNode loop(LoopTunings t, LoopId loop) {
        PidTuning now = t.current(loop);
        PidTuning profile = t.profile(loop);
        ObjectNode o = gains(now.kp(), now.tiS(), now.tdS());
        o.put("action", now.action().name().toLowerCase(java.util.Locale.ROOT));
        o.put("derivative_allowed", profile.derivativeFilterS() > 0);
        o.set("profile", gains(profile.kp(), profile.tiS(), profile.tdS()));
        double f = LoopTunings.GAIN_FACTOR;
        o.putObject("allowed").put("kp_min", profile.kp() / f).put("kp_max", profile.kp() * f)
                .put("ti_s_min", profile.tiS() / f).put("ti_s_max", profile.tiS() * f);
        o.put("scheduled", LoopTunings.scheduled(loop));
        return o;
    }

    private static void scales(ObjectNode o, LoopTunings t, LoopId loop, double seedSpC) {
        PidTuning now = t.current(loop);
        double gainScale = t.gainScale(loop, seedSpC);
        double timeScale = t.timeScale(loop, seedSpC);
        o.put("gain_scale", gainScale);
        o.put("time_scale", timeScale);
        o.set("effective", gains(now.kp() * gainScale, now.tiS() * timeScale, now.tdS() * timeScale));
    }

    private static ObjectNode gains(double kp, double tiS, double tdS) {
        return JSON.objectNode().put("kp", kp).put("ti_s", tiS).put("td_s", tdS);
    }

    static ObjectNode autoTune(AutoTuneStatus a) {
        ObjectNode o = JSON.objectNode();
        o.put("state", a.state().label());
        o.put("detail", a.detail());
        if (a.loop() == null) {
            return o;
        }
        o.put("loop", a.loop().label());
        RelaySettings r = a.settings();
        o.put("amplitude_kw", r.amplitudeKw()).put("band_k", r.bandK()).put("hysteresis_k", r.hysteresisK())
                .put("cycles", r.cycles()).put("max_s", r.maxS());
        o.put("setpoint_c", a.setpointC()).put("bias_kw", a.biasKw()).put("cycles_measured", a.cyclesMeasured())
                .put("elapsed_s", a.elapsedS());
        RelayResult result = a.result();
        if (result != null) {
            Proposal p = result.proposal();
            ObjectNode res = o.putObject("result");
            res.put("ku_kw_per_k", result.ultimateGain()).put("pu_s", result.ultimatePeriodS())
                    .put("oscillation_k", result.oscillationK()).put("cycles", result.cycles());
            ObjectNode proposal = gains(p.kp(), p.tiS(), p.tdS());
            proposal.put("rule", p.rule());
            proposal.set("effective", gains(p.effectiveKp(), p.effectiveTiS(), 0.0));
            res.set("proposal", proposal);
        }
        return o;
    }
}
