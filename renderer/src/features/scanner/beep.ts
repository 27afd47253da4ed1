/** A short tone: high when the scan found something, low when it did not. Silent where audio cannot play. */
export function beep(found: boolean): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = found ? 1200 : 300;
    volume.gain.value = 0.15;
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (found ? 0.08 : 0.25));
    tone.onended = () => void audio.close();
  } catch {
    // No audio device: the on-screen confirmation is enough.
  }
}
