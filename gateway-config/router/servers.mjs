// The gateway's CLI creates its HTTP server itself, so what the router needs at the HTTP level is
// attached to every HTTP and HTTPS server of this process as it starts listening.
import http from 'node:http';
import https from 'node:https';

const setUps = [];
const serversSetUp = new WeakSet();

/** Runs `setUp(server)` on every server of the process when it starts listening, once per server. */
export function onEveryServer(setUp) {
  if (setUps.includes(setUp)) {
    return;
  }
  if (setUps.length === 0) {
    for (const Server of [http.Server, https.Server]) {
      const listen = Server.prototype.listen;
      Server.prototype.listen = function listenSetUp(...args) {
        if (!serversSetUp.has(this)) {
          serversSetUp.add(this);
          setUps.forEach((each) => each(this));
        }
        return listen.apply(this, args);
      };
    }
  }
  setUps.push(setUp);
}
