const scope = { applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' }, employment: { months: 30, employer_in_agreement: true, type: 'formal' }, bureau: { score: 710, monthly_debt: 2400 }, request: { amount: 20000, payments: 24 }, capacity: 3600, dti: 0.1 };
const paths = ['applicant.age','applicant.net_income','employment.months','bureau.score','bureau.monthly_debt','request.amount','employment.employer_in_agreement','applicant.state'];
function mk(p){ const [s0,s1]=p.split('.'); return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return typeof v === 'number' && Number.isSafeInteger(v) ? v : v; }; }
const fs = paths.map(mk);
const lit = [d=>d.applicant.age, d=>d.applicant.net_income, d=>d.employment.months, d=>d.bureau.score, d=>d.bureau.monthly_debt, d=>d.request.amount, d=>d.employment.employer_in_agreement, d=>d.applicant.state];
function run(arr){ let s=0; const t=process.hrtime.bigint(); for(let i=0;i<3e6;i++) for(const f of arr){ const v=f(scope); if (v===35) s++; } return Number(process.hrtime.bigint()-t)/3e6/arr.length; }
for (let k=0;k<3;k++) console.log('keyed', run(fs).toFixed(2), 'literal', run(lit).toFixed(2));
let next = 0;
function mk2(p){ const [s0,s1]=p.split('.'); switch ((next++) & 7) {
case 0: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 1: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 2: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 3: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 4: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 5: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
case 6: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
default: return (d)=>{ const g = d !== null && typeof d === 'object' ? d[s0] : undefined; const v = g !== null && typeof g === 'object' ? g[s1] : undefined; return v; };
}}
const fs2 = paths.map(mk2);
for (let k=0;k<3;k++) console.log('sites', run(fs2).toFixed(2), 'keyed', run(fs).toFixed(2), 'literal', run(lit).toFixed(2));
