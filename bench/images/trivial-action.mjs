// The Node.js reference for bench/images: the same trivial work as `docker-cleanup --dry-run` selecting nothing,
// written as a JavaScript action would be: read inputs with @actions/core, list containers through the engine's
// socket, set an output.
import * as core from '@actions/core';
import http from 'node:http';

const labels = core.getInput('labels');
const socketPath = (process.env.DOCKER_HOST || 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
const filters = encodeURIComponent(JSON.stringify({ label: labels.split(',') }));
http.get({ socketPath, path: `/containers/json?all=1&filters=${filters}` }, (response) => {
  let body = '';
  response.on('data', (chunk) => { body += chunk; });
  response.on('end', () => {
    core.setOutput('removed-containers', String(JSON.parse(body).length));
  });
}).on('error', (error) => core.setFailed(error.message));
