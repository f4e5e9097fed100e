/** ALTCHA's solver, loaded when the captcha's box is first ticked: showing the box needs none of it. */
export { pbkdf2, solveChallenge } from 'altcha/lib';
