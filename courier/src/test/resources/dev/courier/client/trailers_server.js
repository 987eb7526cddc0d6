// A loopback peer on Node's http module: a chunked response with trailers.
// Prints "PORT <n>" once listening; exits when stdin closes.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Trailer': 'X-Checksum' });
  res.write('first chunk,');
  res.write('second chunk');
  res.addTrailers({ 'X-Checksum': 'abc123' });
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  console.log('PORT ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
