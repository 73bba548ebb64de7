// Reads M3U text on stdin and prints what iptv-playlist-parser (iptv-org's parser) makes of it,
// as JSON. Used by tests/unit/playlists/test_m3u.py; install with `npm ci` in this folder.
import parser from 'iptv-playlist-parser'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const text = Buffer.concat(chunks).toString('utf8')

process.stdout.write(JSON.stringify(parser.parse(text)))
