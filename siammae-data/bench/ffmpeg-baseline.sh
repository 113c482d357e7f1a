#!/usr/bin/env bash
# Measures how fast the ffmpeg command-line tool alone decodes the benchmark clips, as a baseline
# for the data pipeline: every frame of every clip, one thread, once to FFmpeg's native pixel
# format and once converted to packed RGB. Installs ffmpeg from Debian if it is missing.
#
# Usage: ffmpeg-baseline.sh [VIDEO_DIR] (default ../shared/data/videos); ROUNDS=3 repeats each clip.
set -euo pipefail

videos="${1:-../shared/data/videos}"
rounds="${ROUNDS:-3}"

if ! command -v ffmpeg >/dev/null 2>&1; then
    echo "ffmpeg not found; installing it from Debian (apt-get install ffmpeg)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null
fi

mapfile -t clips < <(find "$videos" -maxdepth 1 -type f \( -name '*.mp4' -o -name '*.avi' -o -name '*.mkv' -o -name '*.webm' \) | sort)
if [ "${#clips[@]}" -eq 0 ]; then
    echo "no clips in $videos" >&2
    exit 1
fi

frames=0
for clip in "${clips[@]}"; do
    count=$(ffprobe -v error -select_streams v:0 -count_packets \
        -show_entries stream=nb_read_packets -of csv=p=0 "$clip")
    frames=$((frames + count))
done

# Prints frames per second of one ffmpeg output setting over all clips and rounds, per second of
# wall-clock time and per CPU-second (user + system time of the ffmpeg processes).
measure() {
    local label="$1"
    shift
    local start end cpu
    start=$(date +%s.%N)
    cpu=$( { TIMEFORMAT='%U %S'; time (
        for _ in $(seq "$rounds"); do
            for clip in "${clips[@]}"; do
                ffmpeg -hide_banner -loglevel error -threads 1 -i "$clip" -map 0:v:0 "$@" -f null -
            done
        done
    ); } 2>&1 | awk '{ print $1 + $2 }')
    end=$(date +%s.%N)
    awk -v label="$label" -v f="$frames" -v r="$rounds" -v s="$start" -v e="$end" -v c="$cpu" \
        'BEGIN { printf "| %s | %.0f | %.0f |\n", label, f * r / (e - s), f * r / c }'
}

echo "ffmpeg $(ffmpeg -version | head -n1 | cut -d' ' -f3), ${#clips[@]} clips, $frames frames, $rounds rounds, 1 thread"
echo
echo "| ffmpeg output | frames/s | frames per CPU-second |"
echo "|---|---:|---:|"
measure "decode only (native pixel format)"
measure "decode and convert to RGB24" -vf format=rgb24
