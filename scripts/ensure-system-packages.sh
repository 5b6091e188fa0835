#!/bin/sh
# Installs the Debian packages a command needs when their binaries are missing (root or sudo required).
set -eu
command_name="${1:-start}"
missing=""
need() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_file() { [ -e "$1" ] || missing="$missing $2"; }
# Offline speech recognition for the ASR worker (PocketSphinx and its English model).
need_speech() {
  need pocketsphinx_batch pocketsphinx
  need_file /usr/share/pocketsphinx/model/en-us/en-us.lm.bin pocketsphinx-en-us
}

case "$command_name" in
  start) need ffprobe ffmpeg; need nats-server nats-server; need_speech ;;
  test) need ffprobe ffmpeg; need flite flite; need chromium chromium; need nats-server nats-server; need docker-compose docker-compose; need_speech ;;
  # The speech benchmark also scores LibriVox read speech from pocketsphinx-testdata.
  bench) need ffprobe ffmpeg; need flite flite; need_speech; need_file /usr/share/pocketsphinx/test/data/librivox/transcription pocketsphinx-testdata ;;
  scrape) need chromium chromium ;;
esac
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$sudo" = none ]; then
  echo "bootstrap  | missing tools:$missing. Install them with your package manager (Debian: apt-get install$missing)." >&2
  exit 1
fi
echo "bootstrap  | installing Debian packages:$missing"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
